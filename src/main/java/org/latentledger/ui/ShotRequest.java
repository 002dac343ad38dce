package org.latentledger.ui;

import java.nio.file.Path;
import java.time.Duration;
import org.latentledger.data.BundledData;
import org.latentledger.data.ResourceRoot;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.Theme;

/**
 * What the headless window renders: what it opens, what it shows and how it looks. Typed from
 * end to end; the command line's words are parsed once, where the options are read.
 *
 * @param open    what the window opens
 * @param shown   what it shows once open
 * @param look    the window's size, render scale, theme and presentation mode
 * @param timeout how long the window may take to settle
 */
public record ShotRequest(Open open, Shown shown, Look look, Duration timeout) {

    /**
     * @param files     where the bundled models and data are read from
     * @param sample    the bundled model to open (when {@code modelFile} is null)
     * @param modelFile a model file to open instead of the sample, or null
     * @param data      a bundled data set to open, or null for the model's own (bundled models) or none
     * @param dataFile  a data file or folder to open, or null
     * @param layer     layer name or 0-based index to show, or null for the model's default layer
     * @param workspace a workspace to open instead of all the above (its files, page, layer, ...), or null
     * @param saveWorkspace where to write the workspace of what was rendered, or null
     */
    public record Open(ResourceRoot files, SampleModel sample, Path modelFile, BundledData data, Path dataFile, String layer, Path workspace,
                       Path saveWorkspace) {

        public Open(ResourceRoot files, SampleModel sample, Path modelFile, BundledData data, Path dataFile, String layer) {
            this(files, sample, modelFile, data, dataFile, layer, null, null);
        }

        public static Open sample(ResourceRoot files, SampleModel sample) {
            return new Open(files, sample, null, null, null, null);
        }

        public Open withLayer(String ref) {
            return new Open(files, sample, modelFile, data, dataFile, ref, workspace, saveWorkspace);
        }

        public Open withWorkspace(Path open, Path save) {
            return new Open(files, sample, modelFile, data, dataFile, layer, open, save);
        }
    }

    /**
     * @param target    what to render: the window or one panel
     * @param page      for the window: the page shown, or null for the target's own page (the map for the window)
     * @param method    the map's projection
     * @param engine    whose t-SNE / UMAP computes it
     * @param dims      2 or 3 (a 3D target always uses 3)
     * @param seed      seed of the map, the regions and the journey's layer maps
     * @param axes      draw the layer's principal axes on the map
     * @param layerMaps the journey's layer maps' projection, or null for the map's method
     * @param query     the journey's and ledger's data point, or -1 for the first
     * @param text      for a model that reads text: the sentence the journey and the ledger follow, or null
     * @param policy    the ledger's policy, or null for its default
     * @param frontier  compute the frontier too (always for the frontier target)
     */
    public record Shown(ExportTarget target, Page page, Method method, Engine engine, int dims, long seed, boolean axes, Method layerMaps,
                        int query, String text, SparsityPolicy policy, boolean frontier) {

        public static final Shown WINDOW = new Shown(ExportTarget.WINDOW, null, Method.PCA, Engine.OURS, 2, 42, false, null, -1, null, null,
                false);

        public Shown {
            if (dims != 2 && dims != 3) {
                throw new IllegalArgumentException("a map is 2D or 3D, not " + dims + "D");
            }
        }

        /** The page the window shows. */
        public Page shownPage() {
            return page != null ? page : target.page() == null ? Page.MAP : target.page();
        }

        /** The journey's layer maps: as asked, else the map's own method. */
        public Method journeyMaps() {
            return layerMaps == null ? method : layerMaps;
        }
    }

    /**
     * @param width        window width in points
     * @param height       window height in points
     * @param scale        render scale (1, 2, 4, ...)
     * @param theme        light or dark
     * @param presentation presentation mode (larger type and marks, no menus)
     */
    public record Look(int width, int height, double scale, Theme theme, boolean presentation) {

        public static final Look DEFAULT = new Look(1440, 900, 1, Theme.LIGHT, false);

        public Look {
            if (scale <= 0 || scale > 8) {
                throw new IllegalArgumentException("the scale must be in (0, 8], not " + scale);
            }
            if (width < 200 || height < 200) {
                throw new IllegalArgumentException("the window must be at least 200 x 200, not " + width + " x " + height);
            }
        }
    }

    /** The window on a bundled sample as it opens, light, 1440 x 900. */
    public static ShotRequest of(ResourceRoot files, SampleModel sample, Duration timeout) {
        return new ShotRequest(Open.sample(files, sample), Shown.WINDOW, Look.DEFAULT, timeout);
    }

    public ShotRequest with(Open o) {
        return new ShotRequest(o, shown, look, timeout);
    }

    public ShotRequest with(Shown s) {
        return new ShotRequest(open, s, look, timeout);
    }

    public ShotRequest with(Look l) {
        return new ShotRequest(open, shown, l, timeout);
    }
}
