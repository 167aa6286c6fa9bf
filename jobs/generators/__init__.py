"""Parametric mesh generators: a product's configuration in, triangle meshes out.

Built-ins: `name-tag`, `vase`, `bracket`. More plug in through the entry-point group
`fabflow.generators` (each entry point names a generator object); see `registry`.
"""
