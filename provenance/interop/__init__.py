"""Import and export of foreign formats, one module per format."""
