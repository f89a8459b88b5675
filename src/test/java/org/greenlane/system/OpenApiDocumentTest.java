package org.greenlane.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document is valid and describes every /api endpoint the server has. */
class OpenApiDocumentTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentIsValidAndCoversEveryApiEndpoint() {
        String document = http.getForObject("/v3/api-docs", String.class);

        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, null);

        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method + " " + path)));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
                .stream().filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + path))));
        assertThat(served).isNotEmpty();
        assertThat(documented).containsAll(served);
    }

    @Test
    void submissionHasItsSchemaAndAWholeExample() {
        OpenAPI api = new OpenAPIParser().readContents(http.getForObject("/v3/api-docs", String.class), null, null)
                .getOpenAPI();

        var body = api.getPaths().get("/api/applications").readOperationsMap().get(PathItem.HttpMethod.POST)
                .getRequestBody().getContent().get("application/json");

        assertThat(body.getSchema().get$ref()).endsWith("ApplicationDocument");
        assertThat(body.getExamples().get("application").getValue().toString()).contains("Quang Châu", "workers");
        assertThat(api.getComponents().getSchemas().get("ApplicationDocument").getRequired())
                .contains("enterprise", "workers", "medicalPlan");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("basic", "bearer");
    }
}
