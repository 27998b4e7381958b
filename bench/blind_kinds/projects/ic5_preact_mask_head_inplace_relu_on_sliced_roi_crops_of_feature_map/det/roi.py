def crop_rois(feat, rois):
    """Integer RoIs (batch index, x0, y0, x1, y1) cut straight out of the feature map."""
    return [feat[b, :, y0:y1, x0:x1] for b, x0, y0, x1, y1 in rois]
