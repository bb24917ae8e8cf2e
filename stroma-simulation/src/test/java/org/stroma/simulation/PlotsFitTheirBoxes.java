package org.stroma.simulation;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * What a page's plots look like once a browser has drawn them: every legend's text (and a forest plot's trial names
 * and estimates) inside its picture and clear of the plot area and the curves, every tick label inside its picture
 * and clear of the others, titles inside, and no tick label with more than six decimals. Measured by the browser itself ({@code getBoundingClientRect}), so the
 * fonts are the ones the reader gets, not an estimate.
 */
final class PlotsFitTheirBoxes {

    /** What was measured: the number of plots and of legend texts, and every fault found, in words. */
    record Measured(int plots, int legends, int tickLabels, List<String> faults) {
    }

    private static final String MEASURE = """
            () => {
              const faults = [];
              const box = e => e.getBoundingClientRect();
              // half a pixel of slack: anti-aliasing, not layout
              const inside = (r, o) => r.left >= o.left - 0.5 && r.right <= o.right + 0.5
                  && r.top >= o.top - 0.5 && r.bottom <= o.bottom + 0.5;
              const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
                  && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
              const union = rs => rs.length === 0 ? null : {
                left: Math.min(...rs.map(r => r.left)), right: Math.max(...rs.map(r => r.right)),
                top: Math.min(...rs.map(r => r.top)), bottom: Math.max(...rs.map(r => r.bottom))};
              const near = e => { const s = e.closest('[id]'); return s ? s.id : 'page'; };
              let legends = 0;
              let tickLabels = 0;
              const plots = [...document.querySelectorAll('svg')];
              plots.forEach((svg, i) => {
                const name = 'plot ' + (i + 1) + ' in ' + near(svg);
                const picture = box(svg);
                // the plot area: its axes' lines span it; the curves, means, bars and squares are drawn in it
                const data = union([...svg.querySelectorAll('.axis, .plot-area, .km-curve, .means-line, .mean,'
                    + ' .error-bar, .interval, .square, .diamond')].map(box));
                for (const t of svg.querySelectorAll('text.legend')) {
                  legends++;
                  const r = box(t);
                  if (!inside(r, picture)) {
                    faults.push(name + ': the legend "' + t.textContent + '" leaves the picture ('
                        + Math.round(r.right) + ' > ' + Math.round(picture.right) + ')');
                  }
                  if (data && meet(r, data)) {
                    faults.push(name + ': the legend "' + t.textContent + '" covers the plot area');
                  }
                }
                const ticks = [...svg.querySelectorAll('text.tick-label')];
                ticks.forEach((t, k) => {
                  tickLabels++;
                  const r = box(t);
                  if (!inside(r, picture)) {
                    faults.push(name + ': the tick label "' + t.textContent + '" leaves the picture');
                  }
                  for (const other of ticks.slice(k + 1)) {
                    if (meet(r, box(other))) {
                      faults.push(name + ': the tick labels "' + t.textContent + '" and "' + other.textContent
                          + '" overlap');
                    }
                  }
                  const decimals = t.textContent.match(/\\.(\\d+)/);
                  if (decimals && decimals[1].length > 6) {
                    faults.push(name + ': the tick label "' + t.textContent + '" has ' + decimals[1].length
                        + ' decimals');
                  }
                });
                for (const t of svg.querySelectorAll('text.axis-label, text.title')) {
                  if (!inside(box(t), picture)) {
                    faults.push(name + ': the title "' + t.textContent + '" leaves the picture');
                  }
                }
                // a forest plot's trials are named on the left and their estimates written on the right
                for (const t of svg.querySelectorAll('text.study-label, text.pooled-label, text.estimate')) {
                  const r = box(t);
                  if (!inside(r, picture) || (data && meet(r, data))) {
                    faults.push(name + ': "' + t.textContent + '" leaves the picture or covers the plot');
                  }
                }
              });
              return {plots: plots.length, legends: legends, tickLabels: tickLabels, faults: faults};
            }
            """;

    private PlotsFitTheirBoxes() {
    }

    /** The plots of the page open in {@code page}, measured. */
    @SuppressWarnings("unchecked")
    static Measured measure(Page page) {
        Map<String, Object> m = (Map<String, Object>) page.evaluate(MEASURE);
        return new Measured(((Number) m.get("plots")).intValue(), ((Number) m.get("legends")).intValue(),
                ((Number) m.get("tickLabels")).intValue(), (List<String>) m.get("faults"));
    }
}
