package org.latentledger.ui.shell;

import org.latentledger.view.Theme;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * How the window looks: the theme and presentation mode (larger type and marks, higher contrast,
 * chrome hidden). State only; {@link #applyTo(Scene)} keeps a scene in step with it.
 */
public final class Appearance {

    public static final String PRESENTATION = "ll-presentation";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final javafx.beans.property.IntegerProperty exportScale = new javafx.beans.property.SimpleIntegerProperty(this, "exportScale", 2);

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** The scale images are exported at: 1, 2 or 4. */
    public javafx.beans.property.IntegerProperty exportScaleProperty() {
        return exportScale;
    }

    /** Applies the theme and presentation mode to the scene now and whenever they change. */
    public void applyTo(Scene scene) {
        Runnable apply = () -> {
            Theme t = theme.get() == null ? Theme.LIGHT : theme.get();
            // The base theme is application-wide (dialogs too); ours is per scene.
            Application.setUserAgentStylesheet(t == Theme.DARK ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                    : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            var classes = scene.getRoot().getStyleClass();
            for (Theme other : Theme.values()) {
                classes.remove(other.styleClass());
            }
            classes.add(t.styleClass());
            classes.remove(PRESENTATION);
            if (presentation.get()) {
                classes.add(PRESENTATION);
            }
        };
        apply.run();
        theme.addListener(o -> apply.run());
        presentation.addListener(o -> apply.run());
    }
}
