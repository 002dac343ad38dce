package org.latentledger.ui.tour;

/** Brings a highlighted panel into view when the page that holds it scrolls (the ledger page is taller than the window). */
final class ScrollIntoView {

    private ScrollIntoView() {
    }

    /** Scrolls the page holding the node so the node is in view (the ledger page is taller than the window). */
    static void reveal(javafx.scene.Node n) {
        n.applyCss();
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                javafx.scene.Parent content = (javafx.scene.Parent) scroll.getContent();
                content.layout();
                double contentH = content.getLayoutBounds().getHeight();
                double viewH = scroll.getViewportBounds().getHeight();
                if (contentH <= viewH) {
                    return;
                }
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getLayoutBounds()));
                // Bring the node's bottom into view, its top first if it is taller than the view.
                double top = Math.min(b.getMinY(), Math.max(0, b.getMaxY() - viewH));
                scroll.setVvalue(Math.max(0, Math.min(1, top / (contentH - viewH))) * (scroll.getVmax() - scroll.getVmin()) + scroll.getVmin());
                return;
            }
        }
    }
}
