package org.visualsearch.core.projection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.visualsearch.core.search.GalleryEntry;
import org.visualsearch.core.search.IndexedGallery;

/** Writes a projection as coordinates (TSV) or as a picture for a report (PNG). */
public final class MapFiles {

    private MapFiles() {
    }

    /** One line per mapped photo: {@code x, y, category, path}, after a header line. */
    public static void writeTsv(Projection map, IndexedGallery gallery, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# " + map.describe() + ", model " + gallery.model().name() + "\n");
            w.write("x\ty\tcategory\tpath\n");
            for (int p = 0; p < map.size(); p++) {
                GalleryEntry e = gallery.entries().get(map.galleryIndex(p));
                w.write(String.format(Locale.ROOT, "%.6f\t%.6f\t%s\t%s%n", map.x(p), map.y(p),
                        e.category() == null ? "" : e.category(), e.path()));
            }
        }
    }

    /** A picture of the map: one dot per photo in its category's colour, a legend and a title. */
    public static BufferedImage picture(Projection map, IndexedGallery gallery, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int top = 56;
            int legendWidth = 180;
            int margin = 24;
            float[] b = map.bounds();
            double spanX = Math.max(1e-9, b[2] - b[0]);
            double spanY = Math.max(1e-9, b[3] - b[1]);
            double plotW = width - legendWidth - 2 * margin;
            double plotH = height - top - margin;
            double scale = Math.min(plotW / spanX, plotH / spanY); // same scale on both axes: distances stay honest
            double offX = margin + (plotW - spanX * scale) / 2;
            double offY = top + (plotH - spanY * scale) / 2;
            double r = map.size() > 20_000 ? 1.2 : map.size() > 2_000 ? 2.2 : 5;
            for (int p = 0; p < map.size(); p++) {
                String category = gallery.entries().get(map.galleryIndex(p)).category();
                g.setColor(new Color(CategoryPalette.rgbOf(category)));
                double px = offX + (map.x(p) - b[0]) * scale;
                double py = offY + (b[3] - map.y(p)) * scale; // y up, as on paper
                g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
            }
            g.setColor(new Color(0x1f2328));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString("Embedding map: " + gallery.model().name(), margin, 26);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(map.describe(), margin, 46);
            TreeSet<String> categories = new TreeSet<>();
            boolean unlabelled = false;
            for (GalleryEntry e : gallery.entries()) {
                if (e.category() == null) {
                    unlabelled = true;
                } else {
                    categories.add(e.category());
                }
            }
            int ly = top + 10;
            int lx = width - legendWidth;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (String c : categories) {
                ly = legendRow(g, lx, ly, c, new Color(CategoryPalette.rgbOf(c)));
                if (ly > height - margin) {
                    break;
                }
            }
            if (unlabelled) {
                legendRow(g, lx, ly, "(no category)", new Color(CategoryPalette.rgbOf(null)));
            }
            g.setStroke(new BasicStroke(1));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int legendRow(Graphics2D g, int x, int y, String label, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x, y - 10, 12, 12));
        g.setColor(new Color(0x1f2328));
        g.drawString(label, x + 20, y);
        return y + 22;
    }

    public static void writePng(Projection map, IndexedGallery gallery, Path out) throws IOException {
        if (!ImageIO.write(picture(map, gallery, 1200, 900), "png", out.toFile())) {
            throw new IOException("no PNG writer for " + out);
        }
    }
}
