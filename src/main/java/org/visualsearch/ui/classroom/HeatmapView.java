package org.visualsearch.ui.classroom;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.visualsearch.core.occlusion.HeatmapOverlay;
import org.visualsearch.ui.gallery.ThumbnailCache;

/**
 * "Why #1?" in the gallery's place: the query with the heat over it beside its #1 match, the
 * legend in words, and while it computes a progress bar with Stop.
 */
public final class HeatmapView {
    private static final double GAPS = 110; // the title, the status row and the spacing above the pictures
    private final VBox root = new VBox(10);
    private final HeatmapViewModel model;
    private final ThumbnailCache thumbnails;
    private final ImageView query = new ImageView();
    private final ImageView match = new ImageView();
    private final Label matchCaption = caption("heatmapMatchCaption");
    private final Label away = caption("heatmapAway");
    private final Label closer = caption("heatmapCloser");
    private final HBox closerRow;
    private final HBox content;

    public HeatmapView(HeatmapViewModel model, ThumbnailCache thumbnails) {
        this.model = model;
        this.thumbnails = thumbnails;
        root.setId("heatmapView");
        root.getStyleClass().add("heatmap-view");

        Label title = new Label("Why is #1 a match? Each square of the query hidden in turn, the photo embedded again");
        title.getStyleClass().add("pipeline-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);

        ProgressBar bar = new ProgressBar();
        bar.setId("heatmapProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMinWidth(120);
        bar.setPrefWidth(200);
        Label status = caption("heatmapStatus");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        Button stop = new Button("Stop");
        stop.setId("heatmapStop");
        stop.setOnAction(e -> model.cancel());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        Button again = new Button("Again");
        again.setId("heatmapAgain");
        again.setOnAction(e -> model.start());
        again.setMinWidth(Region.USE_PREF_SIZE);
        var running = model.stateProperty().isEqualTo(HeatmapViewModel.State.RUNNING);
        bar.visibleProperty().bind(running);
        bar.managedProperty().bind(running);
        stop.visibleProperty().bind(running);
        stop.managedProperty().bind(running);
        var stopped = model.stateProperty().isEqualTo(HeatmapViewModel.State.CANCELLED)
                .or(model.stateProperty().isEqualTo(HeatmapViewModel.State.FAILED));
        again.visibleProperty().bind(stopped);
        again.managedProperty().bind(stopped);
        HBox statusRow = new HBox(12, bar, status, stop, again);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        query.setId("heatmapOverlay");
        query.setPreserveRatio(true);
        query.setSmooth(true);
        match.setId("heatmapMatch");
        match.setPreserveRatio(true);
        match.setSmooth(true);
        // the pictures take the height that is left (at 200% on a projector it can be little)
        var pictureHeight = Bindings.createDoubleBinding(() -> Math.max(60, Math.min(520, root.getHeight() - GAPS)),
                root.heightProperty());
        query.fitHeightProperty().bind(pictureHeight);
        query.fitWidthProperty().bind(root.widthProperty().multiply(0.42));
        match.fitHeightProperty().bind(pictureHeight.multiply(0.7));
        match.fitWidthProperty().bind(root.widthProperty().multiply(0.22));

        VBox queryBox = new VBox(6, query, plain("the query, with the heat"));
        VBox matchBox = new VBox(6, plain("its #1 match"), match, matchCaption);
        matchBox.setMaxWidth(Region.USE_PREF_SIZE);

        HBox awayRow = legendRow(HeatmapOverlay.colour(1), away);
        closerRow = legendRow(HeatmapOverlay.colour(-1), closer);
        Label cost = caption("heatmapCost");
        cost.textProperty().bind(Bindings.createStringBinding(() -> model.resultProperty().get() == null ? ""
                : HeatmapViewModel.costText(model.resultProperty().get().heatmap(), model.resultProperty().get().modelName()),
                model.resultProperty()));
        Rectangle outline = new Rectangle(22, 22, Color.TRANSPARENT);
        outline.setStroke(Color.WHITE);
        outline.setStrokeWidth(3);
        outline.getStyleClass().add("heatmap-outline-swatch");
        HBox strongestRow = new HBox(10, outline, plain("the square that mattered most"));
        strongestRow.setAlignment(Pos.CENTER_LEFT);
        VBox legend = new VBox(10, awayRow, closerRow, strongestRow, cost);
        legend.setId("heatmapLegend");
        HBox.setHgrow(legend, Priority.ALWAYS);
        legend.setMinWidth(160);

        content = new HBox(20, queryBox, matchBox, legend);
        content.setAlignment(Pos.TOP_LEFT);
        content.visibleProperty().bind(model.resultProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        // while it is computed, the status says what happens; once done it is the cost under the legend
        statusRow.visibleProperty().bind(model.stateProperty().isNotEqualTo(HeatmapViewModel.State.DONE));
        statusRow.managedProperty().bind(statusRow.visibleProperty());

        root.getChildren().addAll(title, statusRow, content);
        root.setMinHeight(0);
        root.setMinWidth(0);
        model.resultProperty().addListener((o, old, now) -> show(now));
        show(model.resultProperty().get());
    }

    private void show(HeatmapViewModel.Result result) {
        query.setImage(null);
        match.setImage(null);
        if (result == null) {
            return;
        }
        query.setImage(SwingFXUtils.toFXImage(result.overlay(), null));
        away.setText(HeatmapViewModel.awayText(result.heatmap()));
        String closerText = HeatmapViewModel.closerText(result.heatmap());
        closer.setText(closerText == null ? "" : closerText);
        closerRow.setVisible(closerText != null);
        closerRow.setManaged(closerText != null);
        var hit = result.match();
        var file = hit.entry().path().getFileName();
        matchCaption.setText(String.format(Locale.ROOT, "#1 %s · %s · distance %.3f", file == null ? "" : file,
                hit.entry().categoryOrUnlabelled(), hit.distance()));
        thumbnails.request(hit.entry(), loaded -> {
            if (model.resultProperty().get() == result) {
                match.setImage(loaded);
            }
        });
    }

    private static HBox legendRow(java.awt.Color colour, Label text) {
        Rectangle swatch = new Rectangle(22, 22, Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue(),
                colour.getAlpha() / 255.0));
        swatch.setStroke(Color.gray(0.5));
        HBox row = new HBox(10, swatch, text);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    private static Label caption(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("heatmap-text");
        label.setWrapText(true);
        label.setMinWidth(0);
        return label;
    }

    private static Label plain(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pipeline-caption");
        label.setWrapText(true);
        return label;
    }

    /** The "Why #1?" button: shows or hides the heatmap (as W does); there once a query has a #1. */
    public static Node toggle(javafx.beans.property.BooleanProperty shown,
                              javafx.collections.ObservableList<?> hits) {
        javafx.scene.control.ToggleButton button = new javafx.scene.control.ToggleButton("Why #1?");
        button.setId("heatmapButton");
        button.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignG.GRID));
        button.selectedProperty().bindBidirectional(shown);
        button.setTooltip(new javafx.scene.control.Tooltip(
                "The similarity heatmap (W): which parts of the query keep it near its #1 match"));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setFocusTraversable(true);
        var any = Bindings.isNotEmpty(hits);
        button.visibleProperty().bind(any.or(shown));
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }

    public Node root() {
        return root;
    }
}
