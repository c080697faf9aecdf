"""Compatibility module for component code written for hetida designer."""
