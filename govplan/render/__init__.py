"""Rendering: specs to task tables (任务分解表), responsibility matrices (责任矩阵), checklists (责任清单) and calendars.

No extraction logic lives here; everything is built from validated specs. Entry points:
views.render (the CLI's `govplan render`), ical.build_calendar (`govplan calendar`), and
loading.load_specs_for_render, the seam where rendering meets validation.
"""
