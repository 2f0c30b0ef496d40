// placeholder, replaced by the configuration loader
