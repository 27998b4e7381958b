# Defaults shared by the training scripts.
POLICY_CFG = {
    "hidden": 16,
    "prob_floor": 1e-3,     # every action keeps some probability (exploration)
    "floor_inplace": False,  # True saves one allocation per step
}

OPTIM_CFG = {"lr": 3e-4, "eps": 1e-5}
