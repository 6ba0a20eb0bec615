"""The 督办台账: a workbook to follow tasks up (export), its filled-in cells read back into the specs
as progress records (import), and the overdue and due-soon tasks by unit (report)."""
