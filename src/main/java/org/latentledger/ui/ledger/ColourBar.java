package org.latentledger.ui.ledger;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;
import org.latentledger.ui.plot.Palette;
import org.latentledger.ui.plot.PlotCanvas;
import org.latentledger.ui.plot.PlotStyle;

/** The heatmaps' shared colour bar: |activation| on viridis from 0+ to the scale, and how "off" is drawn (a hollow square). */
final class ColourBar extends PlotCanvas {

    private double scale = 1;

    ColourBar(double width, double height) {
        super(width, height);
        setMinSize(width, height);
    }

    void show(double scale) {
        this.scale = scale;
        markDirty();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h, PlotStyle st) {
        double top = st.em(26);
        double bottom = h - st.em(40);
        double bar = st.em(14);
        for (int y = 0; y < bottom - top; y++) {
            g.setFill(Palette.viridis(1 - y / (bottom - top)));
            g.fillRect(6, top + y, bar, 1.5);
        }
        g.setFill(st.foreground());
        g.setFont(st.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        g.fillText("|a|", 6, st.em(16));
        g.fillText(String.format(Locale.ROOT, "%.2f+", scale), 10 + bar, top + st.em(8));
        g.fillText("0+", 10 + bar, bottom);
        // The same hollow square as an off cell in the heatmaps.
        g.setStroke(st.off());
        g.setLineWidth(1);
        g.strokeRect(6.5, Math.floor(bottom + st.em(10)) + 0.5, bar - 1, bar - 1);
        g.setFill(st.foreground());
        g.fillText("off", 10 + bar, bottom + st.em(21));
    }
}
