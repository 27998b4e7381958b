# Memory-saving switches read by the model code.
GRAD_CHECKPOINT = True
# accumulate residuals into one buffer instead of allocating a new one per block
INPLACE_RESIDUAL = True
