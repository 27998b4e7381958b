"""Parts of tools/gen_knowledge.py: experiments and tables beyond per-op saves."""
