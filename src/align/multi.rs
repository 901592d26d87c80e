//! Multi-way alignment through a pivot document.
