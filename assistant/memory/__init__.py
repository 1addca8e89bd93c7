"""Memory of confirmed maps: what a team decided once is proposed first the next time.

``record`` turns a confirmed mapping document into remembered tables; ``apply`` puts them back
on top of a fresh proposal whose source tables have the same (or similar) headers.
"""
