"""Reports of the campaign's activities for any period: totals (computed once), the site's page,
the administrative report as PDF, and every row behind the totals as CSV and XLSX."""
