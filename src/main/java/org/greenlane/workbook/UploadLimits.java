package org.greenlane.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What an uploaded workbook may unpack to, checked by unpacking each of its parts once, counting, before POI parses
 * any: a zip bomb, a part larger than a sheet of the largest roster, or parts that together outgrow the largest
 * workbook are refused before they reach the heap. The parts POI reads whole into a tree (the content types, the
 * relationships, the workbook part) must stay small, as they are in any real workbook.
 */
final class UploadLimits {

    /** Room for a sheet of the largest roster, five tests a worker included, with its strings inline. */
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    /** Room for the whole workbook of the largest roster. */
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** POI builds a tree of these parts in the heap, many times their size. */
    static final long MAX_TREE_PART_BYTES = 1024L * 1024;
    /** An entry unpacking to more than 100 times its packed size is a bomb: XML compresses far less. */
    static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // POI's own guard, for every zip it opens in this JVM (the rules' decision tables are far below it)
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private UploadLimits() {
    }

    static void check(Path file) {
        long total = 0;
        try (ZipSecureFile zip = open(file)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                long size = unpacked(zip, entry);
                if (isReadWhole(entry.getName()) && size > MAX_TREE_PART_BYTES) {
                    throw WorkbookApplication.refused("has a part larger than any workbook has (" + entry.getName() + ", "
                            + size / 1024 + " KB unpacked)");
                }
                total += size;
                if (total > MAX_TOTAL_BYTES) {
                    throw WorkbookApplication.refused("unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB, more than a "
                            + "workbook of the largest roster");
                }
            }
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    private static ZipSecureFile open(Path file) {
        try {
            return new ZipSecureFile(file.toFile());
        } catch (IOException e) {
            throw WorkbookApplication.refused("is not an .xlsx workbook (not a zip archive); save it in Excel or LibreOffice as "
                    + "\"Excel 2007-365 (.xlsx)\"");
        }
    }

    /** Reads a part through POI's guard, which stops a bomb or an oversized part early, and counts it. */
    private static long unpacked(ZipSecureFile zip, ZipArchiveEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[8192];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
            return size;
        } catch (IOException e) {
            // POI's guard says "Zip bomb detected! ..." in its first line
            throw WorkbookApplication.refused("cannot be unpacked (" + entry.getName() + "): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static boolean isReadWhole(String name) {
        return name.equals("[Content_Types].xml") || name.endsWith(".rels") || name.equals("xl/workbook.xml");
    }
}
