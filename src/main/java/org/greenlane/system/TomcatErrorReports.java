package org.greenlane.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any filter or servlet sees the request (a header over the size limit, an
 * encoded slash in the path), as RFC 7807 problems like every other error of the API instead of its HTML page.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemWriter problems;

    TomcatErrorReports(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            // Spring Boot's customizer, ordered before this one, has put its HTML ErrorReportValve there already.
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve(problems));
            // The host adds a valve of this class when it starts unless it finds one.
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final ProblemWriter problems;

        ProblemReportValve(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: only an error status whose answer nobody has written yet.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                    detail(status, response.getMessage()));
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            // Tomcat's reporter, not the output stream: the response is in its error state here
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problems.json(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException clientGoneOrAnswered) {
                // nothing more can be said on this connection
            }
        }

        /** Tomcat's own reason where it gives one ("Invalid URI: [The encoded slash character is not allowed]"). */
        private static String detail(int status, String message) {
            if (message != null && !message.isBlank()) {
                return message;
            }
            return status == HttpStatus.BAD_REQUEST.value()
                    ? "The server could not read the request: its URL or its headers are malformed or too large."
                    : "The server refused the request before reading it.";
        }
    }
}
