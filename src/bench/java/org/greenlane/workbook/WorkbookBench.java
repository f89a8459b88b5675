package org.greenlane.workbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.greenlane.TestApplications;
import org.greenlane.TestRosters;
import org.greenlane.application.ApplicationDocument;
import org.greenlane.application.ApplicationValidator;
import org.greenlane.system.GreenlaneProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A 5,000-worker workbook (the tests' mixed roster, as Excel saves it) taken as the server takes an upload: spooled
 * to a file, read sheet by sheet, then checked by the validator; beside it, the same application as JSON read and
 * checked, and the largest roster as a program's export.
 */
public final class WorkbookBench {

    private static final int WORKERS = 5_000;
    /** Reads until the JIT has compiled the reading; a server reads uploads all day. */
    private static final int WARM_UP = 30;
    private static final int MEASURED = 30;
    private static final int LARGEST_WARM_UP = 3;
    private static final int LARGEST_MEASURED = 5;
    private static final double TARGET_MS = 1_000;

    private WorkbookBench() {
    }

    public static List<String> run() throws Exception {
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        try (AnnotationConfigApplicationContext beans = new AnnotationConfigApplicationContext()) {
            // the beans an upload passes through, as the server wires them
            beans.registerBean(LocalValidatorFactoryBean.class);
            beans.registerBean(GreenlaneProperties.class,
                    () -> new GreenlaneProperties(null, null, null, null, null, null, null, null, null, null));
            beans.registerBean(ObjectMapper.class, () -> json);
            beans.registerBean(ApplicationValidator.class);
            beans.registerBean(WorkbookReader.class);
            beans.refresh();
            WorkbookReader reader = beans.getBean(WorkbookReader.class);
            ApplicationValidator validator = beans.getBean(ApplicationValidator.class);

            ApplicationDocument application = TestApplications.withWorkers(TestApplications.clean(WORKERS),
                    TestRosters.mixed(WORKERS, 2021).workers());
            byte[] workbook = TestWorkbooks.filled(application);
            byte[] document = json.writeValueAsBytes(application);
            Upload asJson = () -> validator.check(json.readValue(document, ApplicationDocument.class));
            List<Double> workbookMs = times(spooled(workbook, reader, validator), WARM_UP, MEASURED);
            List<Double> jsonMs = times(asJson, WARM_UP, MEASURED);

            byte[] largest = TestWorkbooks.exported(TestApplications.clean(ApplicationDocument.MAX_WORKERS));
            List<Double> largestMs = times(spooled(largest, reader, validator), LARGEST_WARM_UP, LARGEST_MEASURED);

            double median = median(workbookMs);
            double slowest = Collections.max(workbookMs);
            return List.of(
                    String.format("- %,d-worker workbook (%,d KB, as Excel saves it), spooled, read and validated: "
                            + "median %.0f ms, slowest %.0f ms of %d after %d to warm up (target < %.0f ms: %s)",
                            WORKERS, workbook.length / 1024, median, slowest, MEASURED, WARM_UP, TARGET_MS,
                            median < TARGET_MS && slowest < TARGET_MS ? "met" : "MISSED"),
                    String.format("- the same application as JSON (%,d KB), read and validated: median %.0f ms; "
                            + "workbook / JSON %.1f×", document.length / 1024, median(jsonMs), median / median(jsonMs)),
                    String.format("- %,d workers exported by a program (strings inline, %,d KB), spooled, read and "
                            + "validated: median %.0f ms of %d after %d", ApplicationDocument.MAX_WORKERS,
                            largest.length / 1024, median(largestMs), LARGEST_MEASURED, LARGEST_WARM_UP));
        }
    }

    private interface Upload {
        void take() throws Exception;
    }

    /** As the server takes an upload: the body written to a file, read from it, and the document validated. */
    private static Upload spooled(byte[] workbook, WorkbookReader reader, ApplicationValidator validator) {
        return () -> {
            Path file = Files.createTempFile("greenlane-bench-", ".xlsx");
            try {
                Files.write(file, workbook);
                validator.check(reader.read(file).document());
            } finally {
                Files.delete(file);
            }
        };
    }

    private static List<Double> times(Upload upload, int warmUp, int measured) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            upload.take();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            upload.take();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return ms;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
