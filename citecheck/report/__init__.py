"""Reports for people: the terminal listing and the HTML discrepancy report."""
