"""Read queries behind the services' lists, detail views, agenda and search; they return plain dataclasses."""
