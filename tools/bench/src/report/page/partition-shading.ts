import type uPlot from 'uplot';
import type { PartitionWindow } from '../model';

/** A uPlot plugin shading the nemesis' partition windows (x in seconds) behind the series, labelled by shape. */
export function partitionShading(windows: readonly PartitionWindow[], endMs: number): uPlot.Plugin {
  return {
    hooks: {
      drawClear: [
        (u: uPlot) => {
          const { ctx, bbox } = u;
          ctx.save();
          for (const w of windows) {
            const x0 = u.valToPos(w.startMs / 1000, 'x', true);
            const x1 = u.valToPos((w.endMs ?? endMs) / 1000, 'x', true);
            const left = Math.max(bbox.left, x0);
            const right = Math.min(bbox.left + bbox.width, x1);
            if (right <= left) continue;
            ctx.fillStyle = 'rgba(220, 40, 40, 0.09)';
            ctx.fillRect(left, bbox.top, right - left, bbox.height);
            ctx.fillStyle = 'rgba(160, 20, 20, 0.8)';
            ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
            ctx.fillText(`partition: ${w.label}`, left + 4, bbox.top + 14 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}
