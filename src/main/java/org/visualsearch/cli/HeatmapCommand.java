package org.visualsearch.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.visualsearch.app.GallerySession;
import org.visualsearch.core.common.Sha256;
import org.visualsearch.core.image.ImageLoadException;
import org.visualsearch.core.image.ImageLoader;
import org.visualsearch.core.model.EmbeddingException;
import org.visualsearch.core.model.ImageEmbedder;
import org.visualsearch.core.occlusion.HeatmapOverlay;
import org.visualsearch.core.occlusion.HeatmapProgress;
import org.visualsearch.core.occlusion.OcclusionHeatmap;
import org.visualsearch.core.occlusion.OcclusionSettings;
import org.visualsearch.core.occlusion.SimilarityHeatmap;
import org.visualsearch.core.search.IndexedGallery;
import org.visualsearch.core.store.GalleryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code heatmap IMAGE}: the similarity heatmap of IMAGE against its top-1 match (the query itself
 * left out when it is a gallery photo, as the window does): per square of the grid, how far hiding
 * it moved the photo away from the match; the time it took; optionally the heat over the photo as a PNG.
 */
@Command(name = "heatmap", mixinStandardHelpOptions = true,
        description = "Which parts of IMAGE keep it near its top-1 match: hide each square of a grid, re-embed, "
                + "print how far each hidden copy moved from the match (and the time it took).")
public final class HeatmapCommand extends DatabaseCommand {

    @Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--gallery", paramLabel = "DIR",
            description = "Gallery folder to search (default: the gallery database's folders).")
    Path gallery;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "8",
            description = "Squares a side: N x N hidden copies, N x N + 1 embeds (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--fill", paramLabel = "grey|blur", defaultValue = "grey",
            description = "What hides a square: grey or blur (default: ${DEFAULT-VALUE}).")
    String fill;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Also write the photo with the heat over it.")
    Path out;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Compute it N times and print each time and the median (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Parameters(paramLabel = "IMAGE", description = "The query photo.")
    Path image;

    @Override
    int run(GalleryDatabase db) throws Exception {
        OcclusionSettings settings = settings();
        if (repeat < 1 || repeat > 100) {
            throw new CliException(ExitCode.USAGE, "--repeat must be 1 to 100, not " + repeat);
        }
        if (out != null && !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new CliException(ExitCode.USAGE, "--out must end in .png: " + out);
        }
        GallerySession session = model.session(db, gallery);
        try (ImageEmbedder embedder = session.embedder()) {
            BufferedImage photo = load(embedder);
            IndexedGallery searched = GalleryChoice.load(session, gallery, err()).gallery();
            IndexedGallery.Hit match = topMatch(searched, embed(embedder, photo));
            out().printf("match\t%s\t%s\t%.4f%n", Tsv.field(match.entry().path()),
                    Tsv.field(match.entry().categoryOrUnlabelled()), match.distance());
            float[] matchVector = searched.vectors().vector(match.index());
            List<Long> times = new ArrayList<>();
            SimilarityHeatmap heatmap = null;
            for (int i = 0; i < repeat; i++) {
                heatmap = OcclusionHeatmap.compute(embedder, photo, matchVector, settings, HeatmapProgress.NONE);
                times.add(heatmap.nanos());
            }
            print(heatmap, times);
            if (out != null) {
                write(HeatmapOverlay.paint(photo, heatmap));
            }
            return 0;
        } catch (EmbeddingException e) {
            throw new CliException(e.getMessage());
        }
    }

    private OcclusionSettings settings() {
        OcclusionSettings.Fill f = switch (fill.toLowerCase(Locale.ROOT)) {
            case "grey", "gray" -> OcclusionSettings.Fill.GREY;
            case "blur" -> OcclusionSettings.Fill.BLUR;
            default -> throw new CliException(ExitCode.USAGE, "--fill must be grey or blur, not " + fill);
        };
        try {
            return OcclusionSettings.grid(grid).withFill(f);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--grid: " + e.getMessage());
        }
    }

    private BufferedImage load(ImageEmbedder embedder) {
        try {
            return new ImageLoader(embedder.maxSide()).load(image);
        } catch (ImageLoadException e) {
            throw new CliException("cannot read the query " + e.getMessage());
        }
    }

    private static float[] embed(ImageEmbedder embedder, BufferedImage photo) throws EmbeddingException {
        return embedder.embed(photo);
    }

    /** The nearest photo that is not the query itself (same content). */
    private IndexedGallery.Hit topMatch(IndexedGallery searched, float[] query) throws IOException {
        String hash = Sha256.of(image);
        for (IndexedGallery.Hit hit : searched.nearest(query, Math.min(searched.size(), 10))) {
            if (!hash.equals(hit.entry().contentHash())) {
                return hit;
            }
        }
        throw new CliException(searched.size() == 0 ? "the gallery has no indexed photos"
                : "the gallery holds no photo but the query itself");
    }

    private void print(SimilarityHeatmap heatmap, List<Long> times) {
        OcclusionSettings s = heatmap.settings();
        out().printf(Locale.ROOT, "distance with nothing hidden\t%.4f%n", heatmap.baseDistance());
        out().println("how far hiding each square moved the photo away from its match (negative: closer), top row first:");
        for (int row = 0; row < s.rows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < s.columns(); column++) {
                line.append(column == 0 ? "" : "\t").append(String.format(Locale.ROOT, "%+.4f",
                        heatmap.increase(row * s.columns() + column)));
            }
            out().println(line);
        }
        int strongest = heatmap.strongest();
        if (strongest >= 0) {
            var cell = heatmap.cells().get(strongest);
            out().printf(Locale.ROOT, "strongest\tcolumn %d, row %d (from the top left, 1-based)\t%+.4f%n",
                    cell.column() + 1, cell.row() + 1, heatmap.increase(strongest));
        } else {
            out().println("strongest\tnone: no square moved the photo away from its match");
        }
        List<Long> sorted = times.stream().sorted().toList();
        StringBuilder each = new StringBuilder();
        for (long t : times) {
            each.append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f s", t / 1e9));
        }
        out().printf(Locale.ROOT, "time\t%d embeds (%d x %d, %s) on a %d x %d photo: median %.2f s of %d (%s)%n",
                heatmap.embeds(), s.columns(), s.rows(), s.fill().name().toLowerCase(Locale.ROOT),
                heatmap.width(), heatmap.height(), sorted.get(sorted.size() / 2) / 1e9, times.size(), each);
    }

    private void write(BufferedImage picture) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException("cannot write " + out + ": folder " + parent + " does not exist");
        }
        if (!ImageIO.write(picture, "png", out.toFile())) {
            throw new CliException("cannot write " + out + ": no PNG writer");
        }
        err().println("wrote " + out);
    }
}
