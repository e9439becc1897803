"""The admin window (`antrian admin`) and its pages."""
