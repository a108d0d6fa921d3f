# No files: -o and --explain-file name one file that does not exist yet.
