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
 * "Why #1?" over the search view: the query with the heat over it beside its #1 match, the
 * legend in words, and while it computes a progress bar with Stop.
 */
public final class HeatmapView {
    /** Room for the captions around a picture (a line of text above or below it, and the gaps). */
    private static final double CAPTIONS = 34;
    private final VBox root = new VBox(10);
    private final HeatmapViewModel model;
    private final ThumbnailCache thumbnails;
    private final ImageView query = new ImageView();
    private final ImageView match = new ImageView();
    private final Label matchCaption = caption("heatmapMatchCaption");
    private final Label away = caption("heatmapAway");
    private final Label closer = caption("heatmapCloser");
    private final HBox closerRow;
    private HBox strongestRow;
    private final HBox content;

    /** @param back leaves the heatmap (as W does) */
    public HeatmapView(HeatmapViewModel model, ThumbnailCache thumbnails, Runnable back) {
        this.model = model;
        this.thumbnails = thumbnails;
        root.setId("heatmapView");
        root.getStyleClass().add("heatmap-view");

        Label title = new Label("Why is #1 a match? Each square of the query hidden in turn, the photo embedded again");
        title.getStyleClass().add("pipeline-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Button backButton = new Button("Back (W)");
        backButton.setId("heatmapBack");
        backButton.setOnAction(e -> back.run());
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleRow = new HBox(12, title, backButton);
        titleRow.setAlignment(Pos.CENTER_LEFT);

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
        VBox queryBox = new VBox(6, query, plain("the query, with the heat"));
        VBox matchBox = new VBox(6, plain("its #1 match"), match, matchCaption);
        content = new HBox(24, queryBox, matchBox);
        content.setAlignment(Pos.TOP_LEFT);

        HBox awayRow = legendRow(fx(HeatmapOverlay.colour(1)), null, away);
        closerRow = legendRow(fx(HeatmapOverlay.colour(-1)), null, closer);
        // as painted: the strongest square's red with its white outline
        Label strongest = caption("heatmapStrongest");
        strongest.setText("moved it furthest");
        strongestRow = legendRow(fx(HeatmapOverlay.colour(1)), Color.WHITE, strongest);
        Label cost = caption("heatmapCost");
        cost.textProperty().bind(Bindings.createStringBinding(() -> model.resultProperty().get() == null ? ""
                : HeatmapViewModel.costText(model.resultProperty().get().heatmap(), model.resultProperty().get().modelName()),
                model.resultProperty()));
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(28, 8, awayRow, closerRow, strongestRow, cost);
        legend.setId("heatmapLegend");
        legend.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
        for (Label text : new Label[] {away, closer, strongest, cost}) {
            text.maxWidthProperty().bind(root.widthProperty().subtract(80));
            text.setMinHeight(Region.USE_PREF_SIZE); // wrapped, never cut: the pictures give way
        }
        legend.visibleProperty().bind(model.resultProperty().isNotNull());
        legend.managedProperty().bind(legend.visibleProperty());
        content.visibleProperty().bind(model.resultProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        // while it is computed, the status says what happens; once done the cost is in the legend
        statusRow.visibleProperty().bind(model.stateProperty().isNotEqualTo(HeatmapViewModel.State.DONE));
        statusRow.managedProperty().bind(statusRow.visibleProperty());

        // the pictures take the height the rows above and the legend leave (little at 200% on a projector)
        var pictureHeight = Bindings.createDoubleBinding(() -> Math.max(60, root.getHeight() - root.snappedTopInset()
                        - root.snappedBottomInset() - titleRow.getHeight() - (statusRow.isManaged() ? statusRow.getHeight() : 0)
                        - legend.getHeight() - 3 * root.getSpacing() - CAPTIONS),
                root.heightProperty(), titleRow.heightProperty(), statusRow.heightProperty(), legend.heightProperty(),
                statusRow.managedProperty());
        query.fitHeightProperty().bind(pictureHeight);
        query.fitWidthProperty().bind(root.widthProperty().multiply(0.58));
        match.fitHeightProperty().bind(pictureHeight.subtract(CAPTIONS));
        match.fitWidthProperty().bind(root.widthProperty().multiply(0.34));
        matchCaption.maxWidthProperty().bind(root.widthProperty().multiply(0.34));

        root.getChildren().addAll(titleRow, statusRow, content, legend);
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
        boolean outlined = result.heatmap().strongest() >= 0; // no outline when no square moved it away
        strongestRow.setVisible(outlined);
        strongestRow.setManaged(outlined);
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

    private static HBox legendRow(Color fill, Color outline, Label text) {
        Rectangle swatch = new Rectangle(22, 22, fill);
        swatch.setStroke(outline == null ? Color.gray(0.5) : outline);
        swatch.setStrokeWidth(outline == null ? 1 : 3);
        swatch.setStrokeType(javafx.scene.shape.StrokeType.INSIDE);
        // a grey frame: a white outline must show on the light theme too
        javafx.scene.layout.StackPane framed = new javafx.scene.layout.StackPane(swatch);
        framed.setStyle("-fx-border-color: gray; -fx-border-width: 1;");
        framed.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        HBox row = new HBox(10, outline == null ? swatch : framed, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Color fx(java.awt.Color colour) {
        return Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue(), colour.getAlpha() / 255.0);
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
        // an icon, small and flat: in the top 5's title row at 960 px or at 200% there is no room for words
        javafx.scene.control.ToggleButton button = new javafx.scene.control.ToggleButton();
        button.setId("heatmapButton");
        button.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignG.GRID));
        button.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT,
                atlantafx.base.theme.Styles.SMALL);
        button.setAccessibleText("Why #1? The similarity heatmap (W)");
        button.setStyle("-fx-padding: 0 6 0 6;"); // no taller than the row's title: at 200% on 720 lines every pixel counts
        button.selectedProperty().bindBidirectional(shown);
        button.setTooltip(new javafx.scene.control.Tooltip(
                "Why #1? The similarity heatmap (W): which parts of the query keep it near its #1 match"));
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
