"""Run-time switches shared by the training scripts."""
