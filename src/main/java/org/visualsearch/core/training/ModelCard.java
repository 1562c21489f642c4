package org.visualsearch.core.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.visualsearch.core.model.Backbone;

/** The MODEL_CARD.md of a trained head: data, options, validation figures. */
final class ModelCard {

    private ModelCard() {
    }

    static String markdown(String name, Backbone backbone, TrainingResult r, TrainedModelWriter.Provenance p) {
        TrainingOptions o = r.options();
        LabelledFeatures data = null;
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(name).append("\n\n");
        sb.append("A Dropout + Dense(").append(r.head().dimension()).append(") head trained with an ArcFace loss ")
                .append("on the frozen features of **").append(backbone.name()).append("** (`")
                .append(backbone.folder().getFileName()).append("`, ").append(backbone.dimension())
                .append(" features), then L2-normalised: the recipe of `tools/model-export/train_head.py`, ")
                .append("trained in Java (DJL, PyTorch engine).\n\n");
        sb.append("## Data\n\n");
        if (p != null) {
            data = p.extraction().data();
            for (Path f : p.folders()) {
                sb.append("- labelled folder `").append(f.getFileName()).append("`\n");
            }
            Map<String, Integer> perCategory = new TreeMap<>();
            long groups = data.samples().stream().map(LabelledFeatures.Sample::instance)
                    .filter(java.util.Objects::nonNull).distinct().count();
            data.samples().forEach(s -> perCategory.merge(s.category(), 1, Integer::sum));
            sb.append("- ").append(data.size()).append(" photos in ").append(perCategory.size())
                    .append(" categories").append(groups > 0 ? ", " + groups + " instance groups" : "").append(": ");
            StringBuilder cats = new StringBuilder();
            perCategory.forEach((c, n) -> cats.append(cats.length() == 0 ? "" : ", ").append(c).append(' ').append(n));
            sb.append(cats).append('\n');
            if (p.extraction().unlabelled() > 0) {
                sb.append("- ").append(p.extraction().unlabelled())
                        .append(" photos outside a category folder were left out\n");
            }
            if (!p.extraction().problems().isEmpty()) {
                sb.append("- ").append(p.extraction().problems().size()).append(" files could not be read\n");
            }
        }
        sb.append("- split: ").append(r.split().train().size()).append(" training, ")
                .append(r.split().validation().size()).append(" validation photos (stratified by category, ")
                .append("instance groups kept on one side, seed ").append(o.seed()).append(")\n\n");
        sb.append("## Options\n\n");
        sb.append("| option | value |\n|---|---|\n");
        row(sb, "dimension", Integer.toString(o.dimension()));
        row(sb, "dropout", num(o.dropout()));
        row(sb, "ArcFace scale s", num(o.scale()));
        row(sb, "ArcFace margin m", num(o.margin()));
        row(sb, "epochs", Integer.toString(o.epochs()));
        row(sb, "learning rate (AdamW, cosine)", num(o.learningRate()));
        row(sb, "weight decay", num(o.weightDecay()));
        row(sb, "labels", o.labelMode().key()
                + (o.labelMode() == LabelMode.BOTH ? " (category 1, instance " + num(LabelMode.INSTANCE_WEIGHT) + ")" : ""));
        row(sb, "validation share", num(o.validationShare()));
        row(sb, "seed", Long.toString(o.seed()));
        sb.append("\n## Validation mP@5 (leave-one-out, k = 5)\n\n");
        sb.append("| | category | instance |\n|---|---|---|\n");
        figures(sb, "base model (" + backbone.name() + ")", r.base());
        figures(sb, "untrained head", r.untrained());
        figures(sb, "**trained head**", r.trained());
        sb.append("\nFinal training loss ").append(String.format(Locale.ROOT, "%.4f", r.finalLoss()))
                .append("; training took ").append(String.format(Locale.ROOT, "%.1f", r.elapsed().toMillis() / 1000.0))
                .append(" s (features cached).\n\n");
        sb.append("## Backbone\n\n`").append(backbone.folder().getFileName()).append('/')
                .append(backbone.featuresFile().getFileName())
                .append("`, checked by SHA-256 when this model loads (see serving.properties): a changed ")
                .append("backbone is refused, since the head only fits the features it was trained on.\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static void figures(StringBuilder sb, String label, Figures f) {
        sb.append("| ").append(label).append(" | ").append(fig(f.category())).append(" | ").append(fig(f.instance()))
                .append(" |\n");
    }

    static String fig(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** As typed: 0.3, not 0.30000001 (the options are floats). */
    private static String num(float v) {
        return new java.math.BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
