"""Reporting: figures for supervisors and the public. The statistics layer every figure goes through (stats),
the extra tables of periodic reports and KPI exports (figures), server-side SVG charts (charts), the
supervisors' dashboard (dashboard), periodic reports (periodic, built by jobs), the exports and report pages
(exports), and the public transparency page (transparency).
"""
