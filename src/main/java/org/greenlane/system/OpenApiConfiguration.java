package org.greenlane.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The OpenAPI document of /api/** (at /v3/api-docs, browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI greenlaneOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Greenlane API")
                        .description("Enterprise restart applications: submission, status, rules, accounts.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** A whole application as the example of the submission and correction bodies. */
    @Bean
    OpenApiCustomizer applicationExample(ObjectMapper json) {
        Object example = read(json);
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/applications")) {
                item.readOperations().stream()
                        .filter(operation -> operation.getRequestBody() != null)
                        .map(operation -> operation.getRequestBody().getContent()
                                .get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE))
                        .filter(content -> content != null)
                        .forEach(content -> content.addExamples("application",
                                new Example().summary("A restart application").value(example)));
            }
        });
    }

    private static Object read(ObjectMapper json) {
        try (InputStream in = new ClassPathResource("openapi/application-example.json").getInputStream()) {
            return json.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
