package org.latentledger.ui.map;

import org.latentledger.ui.plot.Palette;
import org.latentledger.ui.plot.MapScene;
import java.util.ArrayList;
import java.util.List;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Rotate;
import org.latentledger.projection.Projection;

/**
 * The 3D map: points as small octahedra in one mesh per colour (not a node per point); drag
 * rotates, wheel zooms, double-click resets. Where the platform has no 3D (software rendering,
 * remote desktops) it says so instead of showing an empty pane.
 */
public final class Map3DView extends StackPane {

    private final Group world = new Group();
    private final javafx.scene.layout.VBox legend = new javafx.scene.layout.VBox(3);
    private final Rotate rx = new Rotate(-20, Rotate.X_AXIS);
    private final Rotate ry = new Rotate(30, Rotate.Y_AXIS);
    /** Only where 3D is supported: JavaFX warns at making one where it is not, and the view says so itself. */
    private final PerspectiveCamera camera = supported() ? new PerspectiveCamera(true) : null;
    private double lastX;
    private double lastY;
    private int triangles;

    /** What the view says (and an export of it fails with) where 3D cannot be drawn. */
    public static final String UNSUPPORTED = "3D needs hardware-accelerated graphics, which this display does not offer "
            + "(JavaFX reports SCENE3D as unsupported). Use the 2D map, or run on a desktop with a GPU.";

    public Map3DView() {
        getStyleClass().add("ll-map3d");
        if (!supported()) {
            Label l = new Label(UNSUPPORTED);
            l.setWrapText(true);
            l.setMaxWidth(460);
            getChildren().add(l);
            return;
        }
        world.getTransforms().addAll(rx, ry);
        Group root = new Group(world, new AmbientLight(Color.WHITE));
        camera.setNearClip(0.1);
        camera.setFarClip(1000);
        camera.setTranslateZ(-48);
        SubScene sub = new SubScene(root, 400, 300, true, SceneAntialiasing.BALANCED);
        sub.setCamera(camera);
        // Transparent: the view's CSS background (the theme's surface) shows through.
        sub.setFill(Color.TRANSPARENT);
        sub.widthProperty().bind(widthProperty());
        sub.heightProperty().bind(heightProperty());
        getChildren().addAll(sub, legend);
        legend.setPickOnBounds(false);
        legend.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        legend.getStyleClass().add("ll-legend3d");
        StackPane.setAlignment(legend, javafx.geometry.Pos.TOP_RIGHT);
        Label hint = new Label("Drag to rotate, wheel to zoom, double-click to reset");
        hint.getStyleClass().add("ll-muted");
        StackPane.setAlignment(hint, javafx.geometry.Pos.BOTTOM_LEFT);
        getChildren().add(hint);
        setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
            if (e.getClickCount() == 2) {
                reset();
            }
        });
        setOnMouseDragged(e -> {
            ry.setAngle(ry.getAngle() + (e.getX() - lastX) * 0.4);
            rx.setAngle(rx.getAngle() - (e.getY() - lastY) * 0.4);
            lastX = e.getX();
            lastY = e.getY();
        });
        setOnScroll(e -> camera.setTranslateZ(Math.min(-2, camera.getTranslateZ() * Math.exp(-e.getDeltaY() / 400))));
        setMinSize(200, 200);
    }

    public static boolean supported() {
        return Platform.isSupported(ConditionalFeature.SCENE3D);
    }

    public void reset() {
        rx.setAngle(-20);
        ry.setAngle(30);
        if (camera != null) {
            camera.setTranslateZ(-48);
        }
    }

    /** Triangles in the meshes (8 per point). */
    public int triangles() {
        return triangles;
    }

    /** Shows a 3D layout with the scene's colours (values are binned into eight shades). */
    public void show(Projection p, MapScene s) {
        world.getChildren().clear();
        legend.getChildren().clear();
        triangles = 0;
        if (!supported() || p == null || s == null || p.dimensions() < 3 || p.size() != s.size()) {
            return;
        }
        int n = p.size();
        float[][] c = new float[3][];
        for (int d = 0; d < 3; d++) {
            c[d] = normalised(p.axis(d));
        }
        List<Color> colours = new ArrayList<>(s.categoryColours());
        int[] group = new int[n];
        if (s.value() != null) {
            colours.clear();
            for (int b = 0; b < 8; b++) {
                colours.add(Palette.viridis(b / 7.0));
            }
            float[] norm = normalised(s.value());
            for (int i = 0; i < n; i++) {
                group[i] = Math.min(7, (int) ((norm[i] + 10) / 20 * 8));
            }
        } else {
            colours.add(Color.GRAY);
            for (int i = 0; i < n; i++) {
                int k = s.category()[i];
                group[i] = k >= 0 && k < s.categoryColours().size() ? k : colours.size() - 1;
            }
        }
        Label title = new Label(s.value() != null ? s.valueTitle() + " (low to high)" : s.legendTitle());
        title.setStyle("-fx-font-weight: bold;");
        legend.getChildren().add(title);
        List<Integer> entries = s.value() != null ? java.util.stream.IntStream.range(0, 8).boxed().toList() : s.legendEntries();
        for (int k : entries) {
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5, colours.get(k));
            legend.getChildren().add(new Label(s.value() != null ? "" : s.categoryNames().get(k), dot));
        }
        float size = n > 20_000 ? 0.06f : n > 5_000 ? 0.09f : 0.13f;
        for (int g = 0; g < colours.size(); g++) {
            TriangleMesh mesh = new TriangleMesh();
            mesh.getTexCoords().addAll(0, 0);
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (group[i] == g && s.shown(i)) {
                    octahedron(mesh, count++, c[0][i], -c[1][i], c[2][i], size);
                }
            }
            if (count == 0) {
                continue;
            }
            triangles += count * 8;
            MeshView view = new MeshView(mesh);
            view.setMaterial(new PhongMaterial(colours.get(g)));
            world.getChildren().add(view);
        }
    }

    /** Scales a coordinate into [-10, 10] around its middle. */
    private static float[] normalised(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        float span = Math.max(hi - lo, 1e-9f);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - lo) / span * 20 - 10;
        }
        return out;
    }

    private static void octahedron(TriangleMesh mesh, int k, float x, float y, float z, float r) {
        mesh.getPoints().addAll(x + r, y, z, x - r, y, z, x, y + r, z, x, y - r, z, x, y, z + r, x, y, z - r);
        int b = k * 6;
        int[][] faces = {{0, 2, 4}, {2, 1, 4}, {1, 3, 4}, {3, 0, 4}, {2, 0, 5}, {1, 2, 5}, {3, 1, 5}, {0, 3, 5}};
        for (int[] f : faces) {
            mesh.getFaces().addAll(b + f[0], 0, b + f[1], 0, b + f[2], 0);
        }
    }
}
