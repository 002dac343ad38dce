package org.latentledger.ui.export;

import org.latentledger.view.Sweep;
import org.latentledger.view.QuerySource;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.FrameArea;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.latentledger.data.Dataset;
import org.latentledger.economy.Frontier;
import org.latentledger.economy.Ledger;
import org.latentledger.export.AnimatedGif;
import org.latentledger.export.FrameSequence;
import org.latentledger.export.LedgerCsv;
import org.latentledger.export.PngWriter;
import org.latentledger.export.ProjectorTsvWriter;
import org.latentledger.export.Provenance;
import org.latentledger.projection.Projection;
import org.latentledger.ui.journey.JourneyViewModel;
import org.latentledger.ui.ledger.LedgerViewModel;
import org.latentledger.ui.map.MapViewModel;

/**
 * Everything the Export menu and the headless commands write: panels and the window as PNG at a
 * scale with a provenance sidecar, the journey as frames (layer by layer, or a sweep of the
 * interpolation t or the steering alpha) written as an animated GIF or numbered PNGs, the ledger
 * and frontier as CSV, the map as Embedding-Projector TSV, and images to the clipboard. FX thread
 * only; the journey and ledger compute synchronously once their maps exist, so each frame is the
 * state just set.
 */
public final class Exporter {

    /** The window as the exporter sees it: its panels, and a way to bring a panel's page to the front. */
    public interface Window {
        Node panel(ExportTarget target);

        void show(ExportTarget target);
    }


    public static final int FRAME_MS = 900;
    public static final int SWEEP_FRAME_MS = 120;

    private final Window window;
    private final Function<ExportTarget, Provenance> provenance;
    private final MapViewModel map;
    private final JourneyViewModel journey;
    private final LedgerViewModel ledger;
    private final Supplier<Dataset> data;

    public Exporter(Window window, Function<ExportTarget, Provenance> provenance, MapViewModel map, JourneyViewModel journey, LedgerViewModel ledger,
                    Supplier<Dataset> data) {
        this.window = window;
        this.provenance = provenance;
        this.map = map;
        this.journey = journey;
        this.ledger = ledger;
        this.data = data;
    }

    /** The panel rendered at the scale (its page is brought to the front first). */
    public BufferedImage image(ExportTarget target, double scale) {
        window.show(target);
        Node node = window.panel(target);
        if (node == null) {
            throw new IllegalStateException("there is no " + target + " to export");
        }
        if (!node.isVisible()) {
            throw new IllegalStateException(target == ExportTarget.MAP3D ? "the 3D view is not shown: choose 3D in the map's toolbar first"
                    : "the " + target + " is not shown now");
        }
        if (target == ExportTarget.MAP3D && !org.latentledger.ui.map.Map3DView.supported()) {
            // A picture of the message is no 3D view: the export fails with it instead.
            throw new IllegalStateException(org.latentledger.ui.map.Map3DView.UNSUPPORTED);
        }
        return NodeImages.render(node, scale);
    }

    /** Writes the panel as PNG and its provenance beside it; returns the image written. */
    public BufferedImage png(ExportTarget target, double scale, Path file) throws IOException {
        BufferedImage img = image(target, scale);
        PngWriter.write(img, file);
        provenance.apply(target).withImage(target.cliName(), scale, img.getWidth(), img.getHeight()).writeBeside(file);
        return img;
    }

    /** The provenance of a panel (or of the window) as it is drawn now. */
    public Provenance provenance(ExportTarget target) {
        return provenance.apply(target);
    }

    /** Whether the journey has its maps (frames can be made). */
    public boolean journeyReady() {
        return !journey.atlasesProperty().get().isEmpty() && journey.journeyProperty().get() != null;
    }

    /** One sweep of the journey: how many frames, how to set the journey to frame k, and how to put it back. */
    private interface Sweeper {
        int count();

        void set(int k);

        void restore();
    }

    private Sweeper sweeper(Sweep sweep, int steps) {
        if (!journeyReady()) {
            throw new IllegalStateException("the journey's maps are not ready yet");
        }
        return switch (sweep) {
            case LAYERS -> {
                int before = journey.currentLayerProperty().get();
                boolean playing = journey.playingProperty().get();
                journey.playingProperty().set(false);
                yield new Sweeper() {
                    public int count() {
                        return journey.atlasesProperty().get().size();
                    }

                    public void set(int k) {
                        journey.currentLayerProperty().set(k);
                    }

                    public void restore() {
                        journey.currentLayerProperty().set(before);
                        journey.playingProperty().set(playing);
                    }
                };
            }
            case INTERPOLATION -> {
                QuerySource source = journey.sourceProperty().get();
                double t0 = journey.tProperty().get();
                journey.sourceProperty().set(QuerySource.INTERPOLATION);
                yield new Sweeper() {
                    public int count() {
                        return steps;
                    }

                    public void set(int k) {
                        journey.tProperty().set(steps == 1 ? 0 : (double) k / (steps - 1));
                    }

                    public void restore() {
                        journey.tProperty().set(t0);
                        journey.sourceProperty().set(source);
                    }
                };
            }
            case STEERING -> {
                if (journey.steerAxisProperty().get() == null) {
                    throw new IllegalStateException("choose a layer and an axis to steer along first");
                }
                double a0 = journey.alphaProperty().get();
                double spread = journey.steerSpread();
                yield new Sweeper() {
                    public int count() {
                        return steps;
                    }

                    public void set(int k) {
                        journey.alphaProperty().set((steps == 1 ? 0 : -2 + 4.0 * k / (steps - 1)) * spread);
                    }

                    public void restore() {
                        journey.alphaProperty().set(a0);
                    }
                };
            }
        };
    }

    /**
     * Frames of the journey page: one per layer ({@link Sweep#LAYERS}), or {@code steps} along the
     * interpolation t from 0 to 1, or along the steering alpha from -2 to +2 spreads of the axis.
     * The journey is left as it was found.
     */
    public List<BufferedImage> frames(Sweep sweep, int steps, double scale, FrameArea area) {
        window.show(ExportTarget.JOURNEY);
        Node node = window.panel(ExportTarget.JOURNEY);
        Sweeper s = sweeper(sweep, steps);
        List<BufferedImage> frames = new ArrayList<>();
        try {
            for (int k = 0; k < s.count(); k++) {
                s.set(k);
                frames.add(frame(node, area, scale));
            }
        } finally {
            s.restore();
        }
        return frames;
    }

    /**
     * The same, one frame per turn of the FX thread, so the window stays responsive and shows
     * progress ({@code progress} gets k and n after each frame); {@code done} gets the frames,
     * or null when {@code stop} said so.
     */
    public void framesStepwise(Sweep sweep, int steps, double scale, FrameArea area, java.util.function.BiConsumer<Integer, Integer> progress,
                               java.util.function.BooleanSupplier stop, java.util.function.Consumer<List<BufferedImage>> done) {
        window.show(ExportTarget.JOURNEY);
        Node node = window.panel(ExportTarget.JOURNEY);
        Sweeper s = sweeper(sweep, steps);
        List<BufferedImage> frames = new ArrayList<>();
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            try {
                if (stop.getAsBoolean()) {
                    s.restore();
                    done.accept(null);
                    return;
                }
                int k = frames.size();
                s.set(k);
                frames.add(frame(node, area, scale));
                progress.accept(k + 1, s.count());
                if (frames.size() < s.count()) {
                    javafx.application.Platform.runLater(next[0]);
                } else {
                    s.restore();
                    done.accept(frames);
                }
            } catch (RuntimeException e) {
                s.restore();
                throw e;
            }
        };
        javafx.application.Platform.runLater(next[0]);
    }

    /**
     * One frame: the whole page, or its mini-maps (all of them, also those scrolled out of view),
     * large map and route stacked, on the page's own background.
     */
    private static BufferedImage frame(Node page, FrameArea area, double scale) {
        BufferedImage whole = NodeImages.render(page, scale);
        if (area == FrameArea.PAGE) {
            return whole;
        }
        List<BufferedImage> parts = new ArrayList<>();
        for (String id : List.of("journey-minis", "journey-map", "route")) {
            Node n = page.lookup("#" + id);
            if (n != null && n.isVisible()) {
                parts.add(NodeImages.render(n, scale));
            }
        }
        if (parts.isEmpty()) {
            return whole;
        }
        int gap = (int) Math.round(8 * scale);
        if (parts.size() == 3 && page.lookup("#journey-minis") instanceof javafx.scene.layout.VBox) {
            // A short page has its mini-maps in a column (a VBox, a row being an HBox) beside the large map: the frame keeps them there.
            parts.set(0, beside(parts.remove(0), parts.get(0), gap, whole.getRGB(0, whole.getHeight() - 1)));
        }
        int w = parts.stream().mapToInt(BufferedImage::getWidth).max().orElse(1) + 2 * gap;
        int h = parts.stream().mapToInt(BufferedImage::getHeight).sum() + gap * (parts.size() + 1);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(new java.awt.Color(whole.getRGB(0, whole.getHeight() - 1), true)); // the page's background
        g.fillRect(0, 0, w, h);
        int y = gap;
        for (BufferedImage p : parts) {
            g.drawImage(p, gap, y, null);
            y += p.getHeight() + gap;
        }
        g.dispose();
        return out;
    }

    /** {@code left} and {@code right} side by side, tops aligned, {@code gap} apart, on {@code background}. */
    private static BufferedImage beside(BufferedImage left, BufferedImage right, int gap, int background) {
        BufferedImage out = new BufferedImage(left.getWidth() + gap + right.getWidth(), Math.max(left.getHeight(), right.getHeight()),
                BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(new java.awt.Color(background, true));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth() + gap, 0, null);
        g.dispose();
        return out;
    }

    /** The frames as one looping GIF with a sidecar (view {@code journey-gif:<sweep>:<area>}). */
    public void gif(List<BufferedImage> frames, Sweep sweep, FrameArea area, double scale, Path file) throws IOException {
        writeGif(frames, sweep, area, scale, file, provenance.apply(ExportTarget.JOURNEY), org.latentledger.work.Progress.NONE);
    }

    /** Writes a GIF and its sidecar; safe off the FX thread (the provenance is taken before). */
    public static void writeGif(List<BufferedImage> frames, Sweep sweep, FrameArea area, double scale, Path file, Provenance p,
                                org.latentledger.work.Progress progress) throws IOException {
        AnimatedGif.write(frames, java.util.Collections.nCopies(frames.size(), sweep == Sweep.LAYERS ? FRAME_MS : SWEEP_FRAME_MS), file,
                progress);
        BufferedImage first = frames.getFirst();
        p.withImage("journey-gif:" + name(sweep) + ":" + area.cliName(), scale, first.getWidth(), first.getHeight()).writeBeside(file);
    }

    /** Writes numbered PNGs into a folder with one sidecar for the sequence ({@code frames.json}); safe off the FX thread. */
    public static List<Path> writeFrames(List<BufferedImage> frames, Sweep sweep, FrameArea area, double scale, Path folder, Provenance p)
            throws IOException {
        List<Path> files = FrameSequence.write(frames, folder, "journey-" + name(sweep));
        BufferedImage first = frames.getFirst();
        p.withImage("journey-frames:" + name(sweep) + ":" + area.cliName(), scale, first.getWidth(), first.getHeight()).writeBeside(folder.resolve("frames"));
        return files;
    }

    private static String name(Sweep sweep) {
        return sweep.name().toLowerCase(java.util.Locale.ROOT);
    }

    public void ledgerCsv(Path file) throws IOException {
        Ledger l = ledger.ledgerProperty().get();
        if (l == null) {
            throw new IllegalStateException("the ledger has nothing to export yet");
        }
        LedgerCsv.writeLedger(l, ledger.energyProperty().get(), file);
    }

    public void frontierCsv(Path file) throws IOException {
        Frontier.Result r = ledger.frontierProperty().get();
        if (r == null) {
            throw new IllegalStateException("compute the frontier first (Ledger page)");
        }
        LedgerCsv.writeFrontier(r, file);
    }

    /** The map's coordinates as {@code vectors.tsv} and the points' labels and names as {@code metadata.tsv} beside it. */
    public Path mapTsv(Path vectors) throws IOException {
        Projection p = map.projectionProperty().get();
        Dataset d = data.get();
        if (p == null || d == null) {
            throw new IllegalStateException("there is no map to export yet");
        }
        if (p.size() != d.size()) {
            throw new IllegalStateException("the map has " + p.size() + " points but the data " + d.size());
        }
        // The projection holds one array per axis; the TSV wants one row per point.
        float[][] rows = new float[p.size()][p.dimensions()];
        for (int dim = 0; dim < p.dimensions(); dim++) {
            float[] axis = p.axis(dim);
            for (int i = 0; i < rows.length; i++) {
                rows[i][dim] = axis[i];
            }
        }
        return ProjectorTsvWriter.write(vectors, rows, d);
    }

    /** Puts the panel's image on the clipboard (at 2x: crisp when pasted into slides). */
    public void copy(ExportTarget target, double scale) {
        window.show(target);
        ClipboardContent content = new ClipboardContent();
        content.putImage(NodeImages.renderFx(window.panel(target), scale));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
