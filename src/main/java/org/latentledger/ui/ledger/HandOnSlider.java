package org.latentledger.ui.ledger;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyEvent;

/** Whether a person is moving a slider: dragging it, pressing on its track, or holding a key on it. */
final class HandOnSlider {

    private HandOnSlider() {
    }

    static BooleanBinding of(Slider slider) {
        BooleanProperty keyHeld = new SimpleBooleanProperty(false);
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> keyHeld.set(true));
        slider.addEventFilter(KeyEvent.KEY_RELEASED, e -> keyHeld.set(false));
        slider.focusedProperty().addListener((o, was, now) -> keyHeld.set(false));
        return slider.valueChangingProperty().or(keyHeld);
    }
}
