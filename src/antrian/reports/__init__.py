"""Exports of the compliance report (``services.reports.Report``): the same figures in every format."""
