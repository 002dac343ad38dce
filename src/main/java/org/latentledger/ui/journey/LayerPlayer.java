package org.latentledger.ui.journey;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.util.Duration;

/**
 * Plays the journey: one step through the layers every so many seconds while playing. The
 * timeline is made on the first play (it needs the toolkit, which view-model tests do without).
 */
final class LayerPlayer {

    private final BooleanProperty playing;
    private final DoubleProperty secondsPerLayer;
    private final Runnable step;
    private Timeline timeline;

    LayerPlayer(BooleanProperty playing, DoubleProperty secondsPerLayer, Runnable step) {
        this.playing = playing;
        this.secondsPerLayer = secondsPerLayer;
        this.step = step;
        secondsPerLayer.addListener(o -> restart());
        playing.addListener((o, a, p) -> restart());
    }

    private void restart() {
        if (timeline == null && !playing.get()) {
            return;
        }
        if (timeline == null) {
            timeline = new Timeline();
            timeline.setCycleCount(Timeline.INDEFINITE);
        }
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(Math.max(0.1, secondsPerLayer.get())), e -> step.run()));
        if (playing.get()) {
            timeline.play();
        }
    }
}
