#include "extract/extract.h"
int main(){}
