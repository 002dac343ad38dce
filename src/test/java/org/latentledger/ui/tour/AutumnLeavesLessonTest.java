package org.latentledger.ui.tour;

/** The lesson "Autumn leaves" plays through on the concept model, its journey shown with each method. */
class AutumnLeavesLessonTest extends LessonPlayback {

    AutumnLeavesLessonTest() {
        super("autumn-leaves", true);
    }
}
