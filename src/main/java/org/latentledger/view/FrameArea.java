package org.latentledger.view;

import org.latentledger.work.Named;

/** What each frame of an exported journey animation shows. */
public enum FrameArea implements Named {
    /** The layers' mini-maps, the large map and the route: the journey itself, for a slide. */
    MAPS,
    /** The whole journey page, controls included. */
    PAGE;

    public static FrameArea parse(String name) {
        return Named.parse(FrameArea.class, name, "frame area");
    }

    @Override
    public String toString() {
        return this == MAPS ? "maps and route" : "whole page";
    }
}
