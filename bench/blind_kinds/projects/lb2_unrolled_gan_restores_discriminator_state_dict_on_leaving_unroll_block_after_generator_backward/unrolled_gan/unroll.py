"""Unrolled GAN (Metz et al. 2017), first-order form: the generator is scored against a
discriminator that has taken k extra steps, which are then undone."""
import contextlib
import copy


@contextlib.contextmanager
def unrolled(discriminator, optimizer, d_update, batches):
    backup = copy.deepcopy(discriminator.state_dict())
    opt_backup = copy.deepcopy(optimizer.state_dict())
    for real, fake in batches:
        d_update(real, fake)
    try:
        yield discriminator
    finally:
        discriminator.load_state_dict(backup)  # L
        optimizer.load_state_dict(opt_backup)
