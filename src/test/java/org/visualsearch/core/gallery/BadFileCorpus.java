package org.visualsearch.core.gallery;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes the awkward and broken files a real photo folder contains, for tests. */
final class BadFileCorpus {
    private BadFileCorpus() {
    }

    static void zeroBytes(Path file) throws IOException {
        Files.write(file, new byte[0]);
    }

    static void textNamedAsImage(Path file) throws IOException {
        Files.writeString(file, "This is a shopping list, not a photo.\n", StandardCharsets.UTF_8);
    }

    /** A real JPEG cut in the middle of its scan data. */
    static void truncatedJpeg(Path file) throws IOException {
        BufferedImage noisy = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                noisy.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(noisy, "jpeg", out);
        byte[] full = out.toByteArray();
        Files.write(file, Arrays.copyOf(full, full.length * 2 / 5));
    }

    /** A valid PNG header declaring 50,000 x 50,000 RGB pixels: a decompression bomb. */
    static void pngBomb(Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(50_000);
        h.writeInt(50_000);
        h.writeByte(8);  // bit depth
        h.writeByte(2);  // colour type RGB
        h.writeByte(0);
        h.writeByte(0);
        h.writeByte(0);
        chunk(out, "IHDR", ihdr.toByteArray());
        // The first rows compress to almost nothing, as in a real bomb.
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 + 50_000 * 3 * 4]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /** A 16-bit greyscale PNG. */
    static void png16Bit(Path file) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setSample(x, y, 0, (x * 1000 + y * 300) & 0xffff);
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no 16-bit PNG writer");
        }
    }

    /** A 4-channel (CMYK) JPEG, written as a raster so no colour conversion happens. */
    static void cmykJpeg(Path file) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                raster.setPixel(x, y, new int[] {x * 4, y * 5, 40, 10});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    /** A three-frame animated GIF. */
    static void animatedGif(Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int frame = 0; frame < 3; frame++) {
                BufferedImage image = TestImages.picture(50 + frame, 40, 30);
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
                IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "20");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(image, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }
}
