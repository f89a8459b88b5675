package org.greenlane.permit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** QR codes as PNG images. */
final class QrCodes {

    /** Level M survives a crease or a smudge on a printed pass; the quiet zone is the standard's four modules. */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);
    /** Large enough for a phone to read a printed code at arm's length. */
    private static final int PIXELS_PER_MODULE = 4;

    private QrCodes() {
    }

    /** @throws IllegalArgumentException when the text is longer than the largest QR code holds */
    static byte[] png(String text) {
        try {
            QRCodeWriter writer = new QRCodeWriter();
            // Asked for no size, the writer gives one pixel a module: the code's own size.
            BitMatrix modules = writer.encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
            BitMatrix image = writer.encode(text, BarcodeFormat.QR_CODE, modules.getWidth() * PIXELS_PER_MODULE,
                    modules.getHeight() * PIXELS_PER_MODULE, HINTS);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(image, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("No QR code holds " + text.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
