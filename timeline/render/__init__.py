"""Renderers: one module per output format, all fed by the same models."""
