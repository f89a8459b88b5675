package org.greenlane.workbook;

import io.swagger.v3.oas.models.media.StringSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.stereotype.Component;

/**
 * Reads an .xlsx request body into a {@link WorkbookApplication}. The body goes to a temporary file first: a zip is
 * read from its end, and from a file POI unpacks one part at a time instead of the whole workbook into the heap. A
 * body over the size limit stops being read there, and Spring answers 413 as for JSON.
 */
@Component
class WorkbookMessageConverter implements HttpMessageConverter<WorkbookApplication> {

    private static final MediaType XLSX = MediaType.parseMediaType(WorkbookApplication.MEDIA_TYPE);

    static {
        // the API document shows the body as what is sent, the file, not the object it is read into
        SpringDocUtils.getConfig().replaceWithSchema(WorkbookApplication.class, new StringSchema().format("binary"));
    }

    private final WorkbookReader reader;

    WorkbookMessageConverter(WorkbookReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return type == WorkbookApplication.class && (mediaType == null || XLSX.includes(mediaType));
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return List.of(XLSX);
    }

    @Override
    public WorkbookApplication read(Class<? extends WorkbookApplication> type, HttpInputMessage upload)
            throws IOException {
        Path file = Files.createTempFile("greenlane-upload-", ".xlsx");
        try {
            try (InputStream body = upload.getBody()) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return reader.read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void write(WorkbookApplication application, MediaType contentType, HttpOutputMessage outputMessage) {
        throw new HttpMessageNotWritableException("A workbook upload is only ever read");
    }
}
