"""One module per kind of output; each turns the Site into Output objects, touching no disk."""
