package org.greenlane.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.greenlane.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The template anyone may download: its sheets, its two rows of headers, its text columns and drop-down lists. */
class WorkbookTemplateTest extends IntegrationTest {

    @Test
    void anyoneDownloadsTheTemplateWithVietnameseAndEnglishHeadersAndDropDownLists() throws Exception {
        // given a caller without an account
        TestRestTemplate anonymous = anonymous();

        // when it downloads the template
        ResponseEntity<byte[]> answer = anonymous.getForEntity("/api/applications/template.xlsx", byte[].class);

        // then it is a workbook with a sheet per part of the application, each headed in Vietnamese and in English
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).hasToString(WorkbookApplication.MEDIA_TYPE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            List<String> sheets = new ArrayList<>();
            template.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("Hướng dẫn", "Enterprise", "Workers", "Accommodations", "Shuttles",
                    "Tests", "MedicalPlan");
            Sheet workers = template.getSheet("Workers");
            assertThat(workers.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Số CCCD/CMND");
            assertThat(workers.getRow(1).getCell(0).getStringCellValue()).isEqualTo("citizenId");
            assertThat(workers.getRow(1).getCell(3).getStringCellValue()).isEqualTo("residence.commune");
            // ids and typed dates stay as typed: no leading zero dropped, no date read month first
            assertThat(workers.getColumnStyle(0).getDataFormatString()).isEqualTo("@");
            assertThat(template.getSheet("Tests").getColumnStyle(2).getDataFormatString()).isEqualTo("@");
            assertThat(lists(template.getSheet("Tests"))).containsExactly(
                    List.of("PCR", "RAPID_ANTIGEN"), List.of("NEGATIVE", "POSITIVE"));
            assertThat(lists(template.getSheet("MedicalPlan"))).containsExactly(
                    List.of("TRUE", "FALSE"), List.of("TRUE", "FALSE"));
            // the arrow of each list shows (OOXML's showDropDown hides it)
            assertThat(template.getSheet("Tests").getCTWorksheet().getDataValidations().getDataValidationArray())
                    .allSatisfy(list -> assertThat(list.getShowDropDown()).isFalse());
        }
    }

    @Test
    void theApiDocumentOffersTheTemplateAndTakesTheFilledFileAsItIs() {
        // given the API document
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        // when the workbook's content is looked up in the submission, the correction and the template download
        String xlsx = WorkbookApplication.MEDIA_TYPE.replace("/", "~1");
        JsonNode submission = api.at("/paths/~1api~1applications/post/requestBody/content/" + xlsx + "/schema");
        JsonNode correction = api.at("/paths/~1api~1applications~1{id}/put/requestBody/content/" + xlsx + "/schema");
        JsonNode template = api.at("/paths/~1api~1applications~1template.xlsx/get/responses/200/content/" + xlsx
                + "/schema");

        // then each is the file itself
        assertThat(List.of(submission, correction, template)).allSatisfy(schema -> {
            assertThat(schema.path("type").asText()).isEqualTo("string");
            assertThat(schema.path("format").asText()).isEqualTo("binary");
        });
    }

    private static List<List<String>> lists(XSSFSheet sheet) {
        return sheet.getDataValidations().stream()
                .filter(validation -> validation.getErrorStyle() == DataValidation.ErrorStyle.STOP)
                .map(validation -> List.of(validation.getValidationConstraint().getExplicitListValues())).toList();
    }
}
