package org.greenlane;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads a QR code from a PNG, module by module as the server drew it. ZXing's camera-style detector misses some dense
 * codes that other readers (zbar, phones) read, which made tests fail at random: the image is read as the pure code.
 */
public final class TestQrCodes {

    private TestQrCodes() {
    }

    public static String decode(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("The PNG holds no readable QR code", e);
        }
    }
}
