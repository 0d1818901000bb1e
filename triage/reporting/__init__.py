"""Reporting: figures for supervisors and the public. The statistics layer every figure goes through (stats),
the extra tables of periodic reports and KPI exports (figures), server-side SVG charts (charts), the
supervisors' dashboard (dashboard), periodic reports (periodic, built by jobs), the one writer of CSV and XLSX
files (spreadsheets), the exports and report pages (exports), and the public transparency page (transparency).
Periods, Vietnam's days and Vietnamese number formatting are `core.vietnamese`'s.
"""
