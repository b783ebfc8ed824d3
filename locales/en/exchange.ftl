### import, export, merge and sql

