"""The editor in the browser: Decap CMS configured from the content model, and its local backend."""
